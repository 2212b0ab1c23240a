/**
 * Bytes to text for the data reader, chunk by chunk: UTF-8 (with or without a byte-order mark)
 * and UTF-16 little- or big-endian with a byte-order mark. Anything else — UTF-32, UTF-16 without
 * a mark, a binary file, bytes that are not valid UTF-8 — is refused with its name, rather than
 * read as text full of NULs or replacement characters.
 */
import { CliError, EXIT_BAD_INPUT } from './cli-error';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';

/** Bytes of a stream, or text already decoded (tests, and callers that hold a string). */
export type ByteChunks = AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;

/** How many leading bytes are enough to recognise an encoding. */
const SNIFF_BYTES = 4;

function unsupported(name: string, what: string): CliError {
  return new CliError(
    `${name} ${what}; save it as UTF-8 (or UTF-16 with a byte-order mark)`,
    EXIT_BAD_INPUT,
    'unsupported-encoding',
  );
}

/** The encoding a text starts with, from its byte-order mark; UTF-8 when there is none. */
export function detectEncoding(head: Uint8Array, name: string): TextEncodingName {
  const [b0, b1, b2, b3] = head;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return 'utf-8';
  if (b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) {
    throw unsupported(name, 'is UTF-32 (little-endian), which is not read');
  }
  if (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff) {
    throw unsupported(name, 'is UTF-32 (big-endian), which is not read');
  }
  if (b0 === 0xff && b1 === 0xfe) return 'utf-16le';
  if (b0 === 0xfe && b1 === 0xff) return 'utf-16be';
  if (head.includes(0)) {
    throw unsupported(
      name,
      'holds NUL bytes: it is UTF-16 without a byte-order mark, UTF-32 or not text at all',
    );
  }
  return 'utf-8';
}

/**
 * Decodes `chunks` as they come (the byte-order mark removed); throws CliError with code
 * 'unsupported-encoding' for what `detectEncoding` refuses and for invalid byte sequences.
 */
export async function* decodeChunks(chunks: ByteChunks, name: string): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null;
  let encoding: TextEncodingName = 'utf-8';
  let head = new Uint8Array(0);
  let first = true;
  const decode = (bytes: Uint8Array, stream: boolean): string => {
    try {
      return decoder!.decode(bytes, { stream });
    } catch {
      throw unsupported(name, `is not valid ${encoding.toUpperCase()} text`);
    }
  };
  for await (const chunk of chunks) {
    if (typeof chunk === 'string') {
      yield first ? chunk.replace(/^\uFEFF/, '') : chunk;
      first = false;
      continue;
    }
    first = false;
    if (decoder === null) {
      // Enough bytes to see a byte-order mark, even when the stream delivers them one at a time.
      const joined = new Uint8Array(head.length + chunk.length);
      joined.set(head);
      joined.set(chunk, head.length);
      if (joined.length < SNIFF_BYTES) {
        head = joined;
        continue;
      }
      encoding = detectEncoding(joined.subarray(0, 512), name);
      decoder = new TextDecoder(encoding, { fatal: true });
      yield decode(joined, true);
      continue;
    }
    yield decode(chunk, true);
  }
  if (decoder === null && head.length > 0) {
    encoding = detectEncoding(head, name);
    decoder = new TextDecoder(encoding, { fatal: true });
    yield decode(head, true);
  }
  if (decoder !== null) {
    const rest = decode(new Uint8Array(0), false);
    if (rest !== '') yield rest;
  }
}
