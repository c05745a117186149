// Preloaded into every test process: refuses any connection or DNS lookup to a non-loopback host, so a
// library that phones home fails loudly instead of hanging or leaking data (see research: Azure SDKs,
// exporters and Chromium all try).
const net = require('node:net');
const dns = require('node:dns');

const isLoopback = (host) =>
  !host || host === 'localhost' || host === '::1' || host === '::ffff:127.0.0.1' || /^127\./.test(host);

const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function connect(...args) {
  let options = args[0];
  if (Array.isArray(options)) options = options[0];
  const host = typeof options === 'object' && options !== null ? (options.host ?? options.hostname) : typeof args[1] === 'string' ? args[1] : undefined;
  const isPipe = typeof options === 'object' && options !== null && typeof options.path === 'string';
  if (!isPipe && !isLoopback(host)) {
    process.stderr.write(`[netguard] refused connection to ${host}\n`);
    process.nextTick(() => this.destroy(Object.assign(new Error(`netguard: tests may not connect to ${host}`), { code: 'ECONNREFUSED' })));
    return this;
  }
  return originalConnect.apply(this, args);
};

const originalLookup = dns.lookup;
dns.lookup = function lookup(host, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = {};
  }
  if (!isLoopback(host)) {
    process.stderr.write(`[netguard] refused DNS lookup of ${host}\n`);
    process.nextTick(() => callback(Object.assign(new Error(`netguard: tests may not resolve ${host}`), { code: 'ENOTFOUND' })));
    return;
  }
  return originalLookup.call(this, host, options, callback);
};
