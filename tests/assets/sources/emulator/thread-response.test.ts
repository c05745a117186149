import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Hono } from 'hono';
import { LightResponse } from '../../../../assets/sources/emulator/thread-response.ts';

describe("the emulator thread's light Response", () => {
  it('reads as a real Response does: status, headers, text and json, for a string, bytes or no body', async () => {
    const bodies = ['{"a":1}', new TextEncoder().encode('{"b":"é"}'), null];
    for (const body of bodies) {
      const init = { status: 201, statusText: 'Created', headers: { 'x-one': '1' } };
      const [light, real] = [new LightResponse(body, init), new Response(body, init)];
      assert.equal(light.status, real.status);
      assert.equal(light.statusText, real.statusText);
      assert.equal(light.ok, real.ok);
      assert.deepEqual([...light.headers], [...real.headers]);
      assert.equal(await light.text(), await real.text());
      assert.equal(light.bodyUsed, real.bodyUsed);
    }
    assert.deepEqual(await new LightResponse('{"a":[1,2]}').json(), { a: [1, 2] });
    assert.equal(new LightResponse('x').headers.get('content-type'), new Response('x').headers.get('content-type'));
  });

  it('is a Response to instanceof, as a real one is to it', () => {
    assert.ok(new LightResponse('x') instanceof Response);
    assert.ok(new Response('x') instanceof LightResponse);
    assert.ok(!(({}) instanceof LightResponse));
  });

  it('refuses a second read, as a real one does, and clones an unread body', async () => {
    const response = new LightResponse('once');
    const copy = response.clone();
    assert.equal(await response.text(), 'once');
    await assert.rejects(response.text(), TypeError);
    assert.throws(() => response.clone(), TypeError);
    assert.equal(await copy.text(), 'once');
  });

  it('gives a real body stream and bytes when they are asked for, with its headers as they stand then', async () => {
    const response = new LightResponse('streamed', { headers: { 'x-before': '1' } });
    response.headers.set('x-set', '2');
    const reader = response.body!.getReader();
    const { value } = await reader.read();
    assert.equal(new TextDecoder().decode(value), 'streamed');
    assert.equal(response.headers.get('x-set'), '2');
    assert.equal(new TextDecoder().decode(await new LightResponse('raw').arrayBuffer()), 'raw');
  });

  it('leaves other bodies and invalid statuses to the real constructor, which throws as it does', async () => {
    const stream = new Response('piped').body;
    assert.equal(await new LightResponse(stream).text(), 'piped');
    assert.throws(() => new LightResponse('x', { status: 700 }), RangeError);
    assert.throws(() => new LightResponse('x', { status: 204 }), TypeError);
    assert.equal(new LightResponse(null, { status: 204 }).status, 204);
  });

  it("carries a Hono app's answers, headers added by middleware after the handler included", async () => {
    const app = new Hono();
    app.use('*', async (c, next) => {
      await next();
      c.res.headers.set('x-after', 'yes');
    });
    app.get('/json', (c) => c.json({ ok: true }, 202));
    app.get('/made', () => new LightResponse('made here', { headers: { 'content-type': 'text/plain' } }));
    const json = await app.request('/json');
    assert.equal(json.status, 202);
    assert.equal(json.headers.get('x-after'), 'yes');
    assert.deepEqual(await json.json(), { ok: true });
    const made = await app.request('/made');
    assert.ok(made instanceof LightResponse);
    assert.equal(made.headers.get('x-after'), 'yes');
    assert.equal(await made.text(), 'made here');
  });
});
