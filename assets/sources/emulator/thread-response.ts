/**
 * A lighter `Response` for the emulator's worker thread. On Node 20 every real `Response` builds a
 * ReadableStream for its body (and makes it transferable), and `text()` reads the body back through that
 * stream with two UTF-8 passes: a fifth of the thread's work over the sample's 21,000 answers, while the
 * thread is what the per-film requests wait on. This one keeps the status, headers and body the routes give
 * it (a string, bytes or nothing) and answers `text()` and `json()` from them; whatever else is read (the
 * body stream, `clone()` of a read body, `arrayBuffer()`…) comes from a real `Response` made on first use,
 * and any other body or an invalid status goes to a real one at once (which throws as it does).
 *
 * Only the thread installs it, as its own realm's `Response` (@hono/node-server does the same for the
 * responses its server writes), before the emulator answers anything; the pipeline's thread keeps the real one.
 */

const NativeResponse = globalThis.Response;
// A body with one of these statuses must be null (the real constructor throws); 200–599 is the valid range.
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);
const decoder = new TextDecoder();

type LightBody = string | Uint8Array | null;
// Node's own typings (no DOM lib): what the constructor takes.
type BodyInit = ConstructorParameters<typeof Response>[0];
type HeadersInit = NonNullable<ResponseInit['headers']>;

function isLightBody(body: unknown): body is LightBody | undefined {
  return body === null || body === undefined || typeof body === 'string' || body instanceof Uint8Array;
}

export class LightResponse implements Response {
  // Both kinds are Responses to `instanceof`, whichever constructor is installed.
  static [Symbol.hasInstance](value: unknown): boolean {
    return value instanceof NativeResponse;
  }

  readonly #body: LightBody;
  readonly #status: number;
  readonly #statusText: string;
  readonly #headersInit: HeadersInit | undefined;
  #headers: Headers | undefined;
  #native: Response | undefined;
  #used = false;

  constructor(body?: BodyInit | null, init?: ResponseInit) {
    const status = init?.status ?? 200;
    if (!isLightBody(body) || status < 200 || status > 599 || (body != null && NULL_BODY_STATUSES.has(status))) {
      this.#native = new NativeResponse(body, init);
    }
    this.#body = isLightBody(body) ? (body ?? null) : null;
    this.#status = status;
    this.#statusText = init?.statusText ?? '';
    this.#headersInit = init?.headers;
  }

  get status(): number {
    return this.#native?.status ?? this.#status;
  }

  get statusText(): string {
    return this.#native?.statusText ?? this.#statusText;
  }

  get ok(): boolean {
    return this.status >= 200 && this.status <= 299;
  }

  get headers(): Headers {
    if (this.#native !== undefined) return this.#native.headers;
    if (this.#headers === undefined) {
      this.#headers = new Headers(this.#headersInit);
      if (typeof this.#body === 'string' && !this.#headers.has('content-type')) this.#headers.set('content-type', 'text/plain;charset=UTF-8');
    }
    return this.#headers;
  }

  get type(): Response['type'] {
    return this.#native?.type ?? 'default';
  }

  get url(): string {
    return this.#native?.url ?? '';
  }

  get redirected(): boolean {
    return this.#native?.redirected ?? false;
  }

  get bodyUsed(): boolean {
    return this.#native?.bodyUsed ?? this.#used;
  }

  get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
    return this.real().body;
  }

  text(): Promise<string> {
    if (this.#native !== undefined) return this.#native.text();
    const body = this.#body;
    if (this.#used) return Promise.reject(new TypeError('Body is unusable: Body has already been read'));
    // No body is never used up: it reads as '' every time.
    this.#used = body !== null;
    return Promise.resolve(body === null ? '' : typeof body === 'string' ? body : decoder.decode(body));
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text()) as unknown;
  }

  arrayBuffer(): Promise<ArrayBuffer> {
    return this.real().arrayBuffer();
  }

  blob(): Promise<Blob> {
    return this.real().blob();
  }

  // Not in Node 20's typings, but on its Response (and 22's, 24's): a light one must answer it too.
  bytes(): Promise<Uint8Array> {
    return (this.real() as Response & { bytes(): Promise<Uint8Array> }).bytes();
  }

  formData(): Promise<FormData> {
    return this.real().formData();
  }

  clone(): Response {
    if (this.#native !== undefined) return this.#native.clone();
    if (this.#used) throw new TypeError('Response.clone: Body has already been consumed.');
    return new LightResponse(this.#body, { status: this.#status, statusText: this.#statusText, headers: new Headers(this.headers) });
  }

  /** The real Response with this one's status, headers and (unread) body, for what only it can give. */
  private real(): Response {
    if (this.#native === undefined) {
      if (this.#used) throw new TypeError('Body is unusable: Body has already been read');
      this.#native = new NativeResponse(this.#body, { status: this.#status, statusText: this.#statusText, headers: this.headers });
    }
    return this.#native;
  }
}

// Real Responses' statics (json, error, redirect) and prototype, so the installed constructor is the real one to callers.
Object.setPrototypeOf(LightResponse, NativeResponse);
Object.setPrototypeOf(LightResponse.prototype, NativeResponse.prototype);

/** Makes `Response` in this realm (the emulator's thread) the light one. */
export function installLightResponse(): void {
  globalThis.Response = LightResponse as unknown as typeof Response;
}
