import { HttpError } from 'react-admin';
import { describe, expect, it, vi } from 'vitest';
import { createDataProvider } from '.';
import { normalizeUploadResult, UNKNOWN_COUNT, type XhrLike } from './upload';

/** Records what the provider does with an XMLHttpRequest and lets the test play the server. */
class FakeXhr {
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: unknown;
  sent = false;
  aborted = false;
  status = 0;
  statusText = '';
  responseText = '';
  upload: { onprogress: ((event: ProgressEvent) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  ontimeout: (() => void) | null = null;

  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: unknown) {
    this.body = body;
    this.sent = true;
  }
  abort() {
    this.aborted = true;
    this.onabort?.();
  }
  progress(loaded: number, total: number) {
    this.upload.onprogress?.({ loaded, total } as ProgressEvent);
  }
  respond(status: number, body: unknown, statusText = '') {
    this.status = status;
    this.statusText = statusText;
    this.responseText = typeof body === 'string' ? body : JSON.stringify(body);
    this.onload?.();
  }
}

const setup = (token: string | null = 'tok') => {
  const xhrs: FakeXhr[] = [];
  const xhrFactory = vi.fn(() => {
    const xhr = new FakeXhr();
    xhrs.push(xhr);
    return xhr as unknown as XhrLike;
  });
  const provider = createDataProvider({
    apiUrl: 'http://api.test/v1',
    accountId: '1001',
    getToken: () => token,
    httpClient: () => Promise.reject(new Error('uploads do not use the JSON client')),
    xhrFactory,
  });
  // The upload code is its own chunk, imported at the first upload: the request starts a tick later.
  const sent = async () => {
    await vi.waitFor(() => expect(xhrs).toHaveLength(1));
    return xhrs[0];
  };
  return { provider, xhrs, xhrFactory, sent };
};

const csv = () => new File(['5550001,John,199\n5550002,Mary,299\n'], 'leads.csv', { type: 'text/csv' });

describe('uploadNumbers', () => {
  it('POSTs the file as multipart field "file" with the options in the query and the token in a header', async () => {
    const { provider, sent } = setup();
    const done = provider.uploadNumbers(42, csv(), { firstRowIsHeader: false, varCount: 2 });
    const xhr = await sent();
    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe(
      'http://api.test/v1/accounts/1001/campaigns/42/numbers/upload?firstRowIsHeader=false&varCount=2',
    );
    expect(xhr.headers).toEqual({ Accept: 'application/json', Authorization: 'Bearer tok' });
    expect(xhr.url).not.toContain('tok');
    expect(xhr.body).toBeInstanceOf(FormData);
    const file = (xhr.body as FormData).get('file') as File;
    expect(file.name).toBe('leads.csv');
    expect(await file.text()).toBe('5550001,John,199\n5550002,Mary,299\n');

    xhr.respond(200, { inserted: 2, rejectedCount: 0, rejected: [] });
    await expect(done).resolves.toEqual({ inserted: 2, rejectedCount: 0, rejected: [] });
  });

  it('names a bare Blob numbers.csv and sends no Authorization header without a token', async () => {
    const { provider, sent } = setup(null);
    const done = provider.uploadNumbers('c/1', new Blob(['5550001\n']), {
      firstRowIsHeader: true,
      varCount: 0,
    });
    const xhr = await sent();
    expect(xhr.url).toBe(
      'http://api.test/v1/accounts/1001/campaigns/c%2F1/numbers/upload?firstRowIsHeader=true&varCount=0',
    );
    expect(xhr.headers).toEqual({ Accept: 'application/json' });
    expect(((xhr.body as FormData).get('file') as File).name).toBe('numbers.csv');
    xhr.respond(200, { inserted: 1, rejected: [] });
    await expect(done).resolves.toEqual({ inserted: 1, rejectedCount: 0, rejected: [] });
  });

  it('reports upload progress', async () => {
    const { provider, sent } = setup();
    const onProgress = vi.fn();
    const done = provider.uploadNumbers(1, csv(), { firstRowIsHeader: false, varCount: 2 }, { onProgress });
    const xhr = await sent();
    xhr.progress(10, 100);
    xhr.progress(100, 100);
    xhr.respond(200, { inserted: 2, rejected: [] });
    await done;
    expect(onProgress.mock.calls).toEqual([[{ loaded: 10, total: 100 }], [{ loaded: 100, total: 100 }]]);
  });

  it('is cancelled by its signal: the request is aborted and the promise rejects with an AbortError', async () => {
    const { provider, sent } = setup();
    const controller = new AbortController();
    const done = provider.uploadNumbers(
      1,
      csv(),
      { firstRowIsHeader: false, varCount: 2 },
      { signal: controller.signal },
    );
    const xhr = await sent();
    controller.abort();
    expect(xhr.aborted).toBe(true);
    await expect(done).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('does not start when cancelled while its code is still loading', async () => {
    const { provider, xhrFactory } = setup();
    const controller = new AbortController();
    const done = provider.uploadNumbers(
      1,
      csv(),
      { firstRowIsHeader: false, varCount: 2 },
      { signal: controller.signal },
    );
    controller.abort();
    await expect(done).rejects.toMatchObject({ name: 'AbortError' });
    expect(xhrFactory).not.toHaveBeenCalled();
  });

  it('does not start when the signal is already aborted', async () => {
    const { provider, xhrFactory } = setup();
    const controller = new AbortController();
    controller.abort();
    await expect(
      provider.uploadNumbers(
        1,
        csv(),
        { firstRowIsHeader: false, varCount: 2 },
        { signal: controller.signal },
      ),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(xhrFactory).not.toHaveBeenCalled();
  });

  it('rejects with the server’s message and status', async () => {
    const { provider, sent } = setup();
    const done = provider.uploadNumbers(1, csv(), { firstRowIsHeader: false, varCount: 5 });
    const body = { message: 'Line 1 has 3 columns; expected 6 (the number and 5 variables).' };
    (await sent()).respond(400, body, 'Bad Request');
    const error = await done.catch((e) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 400, message: body.message, body });
  });

  it('explains a status without a message (e.g. a proxy’s 413 page)', async () => {
    const { provider, sent } = setup();
    const done = provider.uploadNumbers(1, csv(), { firstRowIsHeader: false, varCount: 2 });
    (await sent()).respond(413, '<html>Request Entity Too Large</html>', 'Payload Too Large');
    await expect(done).rejects.toMatchObject({
      status: 413,
      message: 'The SIP Caller API answered HTTP 413 Payload Too Large without an explanation.',
    });
  });

  it('turns a dropped connection into status 0 with the network message key', async () => {
    const { provider, sent } = setup();
    const done = provider.uploadNumbers(1, csv(), { firstRowIsHeader: false, varCount: 2 });
    (await sent()).onerror?.();
    await expect(done).rejects.toMatchObject({ status: 0, message: 'app.errors.network' });
  });

  it.each([
    [{ firstRowIsHeader: false, varCount: -1 }, /varCount/],
    [{ firstRowIsHeader: false, varCount: 1.5 }, /varCount/],
    [{ firstRowIsHeader: 'yes' as unknown as boolean, varCount: 1 }, /firstRowIsHeader/],
  ])('rejects bad options %j before sending anything', async (options, message) => {
    const { provider, xhrFactory } = setup();
    await expect(provider.uploadNumbers(1, csv(), options)).rejects.toThrow(message);
    expect(xhrFactory).not.toHaveBeenCalled();
  });
});

describe('normalizeUploadResult', () => {
  it.each([
    [
      'the assumed answer',
      { inserted: 3, rejectedCount: 1, rejected: [{ line: 2, reason: 'x' }] },
      { inserted: 3, rejectedCount: 1, rejected: [{ line: 2, reason: 'x' }] },
    ],
    [
      'no rejectedCount: counts the list',
      { inserted: 3, rejected: [{ line: 2, reason: 'x' }] },
      { inserted: 3, rejectedCount: 1, rejected: [{ line: 2, reason: 'x' }] },
    ],
    ['no counts at all', {}, { inserted: UNKNOWN_COUNT, rejectedCount: UNKNOWN_COUNT, rejected: [] }],
    ['no body', undefined, { inserted: UNKNOWN_COUNT, rejectedCount: UNKNOWN_COUNT, rejected: [] }],
    [
      'nonsense counts',
      { inserted: '3', rejectedCount: -2, rejected: 'none' },
      { inserted: UNKNOWN_COUNT, rejectedCount: UNKNOWN_COUNT, rejected: [] },
    ],
    [
      'drops malformed rejections but counts them',
      { inserted: 0, rejected: [{ line: 1, reason: 'bad' }, { line: 'two' }, null] },
      { inserted: 0, rejectedCount: 3, rejected: [{ line: 1, reason: 'bad' }] },
    ],
  ])('%s', (_name, answer, result) => {
    expect(normalizeUploadResult(answer)).toEqual(result);
  });
});
