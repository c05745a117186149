/**
 * What both pages' scripts (lineage, runs) build with: DOM and SVG element builders that insert data only as
 * text, and the formatting of times, counts and durations. Spliced into each page's script function, so the
 * pages stay one self-contained script each. Written without template literals: it lives inside one.
 */
export const PAGE_HELPERS_SCRIPT = String.raw`var SVG_NS = 'http://www.w3.org/2000/svg';
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    setAttrs(node, attrs);
    (children || []).forEach(function (child) { if (child != null) node.append(child); });
    return node;
  }
  function svg(tag, attrs, children) {
    var node = document.createElementNS(SVG_NS, tag);
    setAttrs(node, attrs);
    (children || []).forEach(function (child) { if (child != null) node.append(child); });
    return node;
  }
  function setAttrs(node, attrs) {
    Object.keys(attrs || {}).forEach(function (name) {
      var value = attrs[name];
      if (value === undefined || value === null || value === false) return;
      if (name === 'text') node.textContent = String(value);
      else if (name.slice(0, 2) === 'on') node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? '' : String(value));
    });
  }
  function when(iso) { return iso ? iso.replace('T', ' ').slice(0, 19) : ''; }
  function num(n) { return typeof n === 'number' ? n.toLocaleString('en-US') : ''; }
  function ms(n) { return typeof n !== 'number' ? '' : n < 1000 ? Math.round(n) + ' ms' : n < 60000 ? (n / 1000).toFixed(n < 10000 ? 2 : 1) + ' s' : Math.floor(n / 60000) + ' min ' + Math.round(n % 60000 / 1000) + ' s'; }
`;
