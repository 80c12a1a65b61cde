// The safetensors header parser on files written following the format in the huggingface/safetensors README.
import { describe, expect, it } from 'vitest';
import {
  parseSafetensorsHeader,
  SAFETENSORS_MAX_HEADER_BYTES,
} from '../../../src/core/inventory/safetensors';
import { ByteWriter, buildSafetensors, llamaSafetensorsTensors } from '../../support/model-files';

function withJson(json: string): Uint8Array {
  const body = new TextEncoder().encode(json);
  const w = new ByteWriter();
  w.u64(body.length);
  w.bytes(body);
  return w.done();
}

describe('parseSafetensorsHeader', () => {
  it('reads dtype, shape and byte range of every tensor, and the metadata', () => {
    const tensors = llamaSafetensorsTensors({
      layers: 2,
      hidden: 64,
      ffn: 128,
      heads: 4,
      kvHeads: 2,
      vocab: 100,
    });
    const file = buildSafetensors(tensors);
    const r = parseSafetensorsHeader(file.header, { fileSize: file.fileSize });
    expect(r.status).toBe('complete');
    if (r.status !== 'complete') return;
    expect(r.header.metadata).toEqual({ format: 'pt' });
    expect(r.header.tensors).toHaveLength(tensors.length);
    expect(r.header.headerBytes).toBe(file.dataOffset);
    expect(r.header.headerBytes % 8).toBe(0);
    expect(r.header.dataBytes).toBe(file.tensorBytes);
    const embed = r.header.tensors.find((t) => t.name === 'model.embed_tokens.weight');
    expect(embed).toMatchObject({ dtype: 'BF16', shape: [100, 64], bytes: 100 * 64 * 2, begin: 0 });
  });

  it('needs 8 bytes, then exactly 8 + N', () => {
    const file = buildSafetensors([{ name: 'w', dtype: 'F32', shape: [4, 4] }]);
    expect(parseSafetensorsHeader(file.header.subarray(0, 5))).toEqual({
      status: 'incomplete',
      needed: 8,
      estimate: 8,
    });
    const r = parseSafetensorsHeader(file.header.subarray(0, 12));
    expect(r).toEqual({ status: 'incomplete', needed: file.dataOffset, estimate: file.dataOffset });
    expect(parseSafetensorsHeader(file.header.subarray(0, file.dataOffset)).status).toBe('complete');
  });

  it('sub-byte dtypes: F4 packs two values per byte', () => {
    const file = buildSafetensors([{ name: 'w', dtype: 'F4', shape: [8, 16] }]);
    const r = parseSafetensorsHeader(file.header);
    expect(r.status === 'complete' && r.header.tensors[0]?.bytes).toBe(64);
  });

  it('empty tensors and scalars are valid (README notes)', () => {
    const r = parseSafetensorsHeader(
      withJson(
        '{"e":{"dtype":"F32","shape":[0,4],"data_offsets":[0,0]},"s":{"dtype":"F32","shape":[],"data_offsets":[0,4]}}',
      ),
    );
    expect(r.status).toBe('complete');
  });

  const bad: [string, string, RegExp][] = [
    ['a JSON array', '[1,2]', /does not start with/],
    ['unknown dtype', '{"w":{"dtype":"F7","shape":[1],"data_offsets":[0,1]}}', /unknown dtype/],
    ['bytes disagree with shape', '{"w":{"dtype":"F32","shape":[2],"data_offsets":[0,4]}}', /needs 8/],
    ['a hole', '{"w":{"dtype":"U8","shape":[1],"data_offsets":[1,2]}}', /hole/],
    [
      'overlap',
      '{"a":{"dtype":"U8","shape":[4],"data_offsets":[0,4]},"b":{"dtype":"U8","shape":[2],"data_offsets":[2,4]}}',
      /overlaps/,
    ],
    ['negative shape', '{"w":{"dtype":"U8","shape":[-1],"data_offsets":[0,0]}}', /not a size/],
    ['bad offsets', '{"w":{"dtype":"U8","shape":[1],"data_offsets":[3,1]}}', /increasing/],
    ['metadata not strings', '{"__metadata__":{"a":1}}', /not a string/],
    ['broken JSON', '{"w":', /not valid JSON/],
  ];
  for (const [what, json, message] of bad) {
    it(`refuses ${what}`, () => {
      const r = parseSafetensorsHeader(withJson(json));
      expect(r.status).toBe('error');
      if (r.status === 'error') expect(r.error.message).toMatch(message);
    });
  }

  it('refuses an absurd header length before reading it', () => {
    const w = new ByteWriter();
    w.u64(SAFETENSORS_MAX_HEADER_BYTES + 1);
    const r = parseSafetensorsHeader(w.done());
    expect(r.status === 'error' && r.error.code).toBe('too-large');
    const huge = new ByteWriter();
    huge.u32(0xffffffff);
    huge.u32(0xffffffff);
    const r2 = parseSafetensorsHeader(huge.done());
    expect(r2.status === 'error' && r2.error.code).toBe('too-large');
  });

  it('refuses a length longer than the file, and a header that does not start with {', () => {
    const file = buildSafetensors([{ name: 'w', dtype: 'F32', shape: [4] }]);
    const r = parseSafetensorsHeader(file.header, { fileSize: 20 });
    expect(r.status === 'error' && r.error.code).toBe('too-large');
    const r2 = parseSafetensorsHeader(withJson(' {}'));
    expect(r2.status === 'error' && r2.error.code).toBe('bad-magic');
  });

  it('refuses tensors that end past the file', () => {
    const file = buildSafetensors([{ name: 'w', dtype: 'F32', shape: [4] }]);
    const r = parseSafetensorsHeader(file.header, { fileSize: file.fileSize - 1 });
    expect(r.status === 'error' && r.error.code).toBe('too-large');
    expect(parseSafetensorsHeader(file.header, { fileSize: file.fileSize }).status).toBe('complete');
  });
});
