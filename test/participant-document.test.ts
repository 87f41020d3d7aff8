import { describe, expect, it } from 'vitest';
import { newId } from '../src/db/ids.js';
import { documentKey, documentOf, newParticipant } from '../src/modules/participants/participants.model.js';
import type { ParticipantCreate } from '../src/modules/participants/participants.schemas.js';

describe('documentKey', () => {
  it("reads a stored document's id and creation time, whatever its metadata and texts hold", () => {
    const tricky = ',"created_at":"1999-01-01T00:00:00.000Z","updated_at":"1999-01-01T00:00:00.000Z"}';
    const inputs: ParticipantCreate[] = [
      { name: 'Plain', email: 'plain@example.com' },
      {
        name: `Quote " and ${tricky}`,
        email: 'tricky@example.com',
        tags: ['created_at'],
        metadata: { created_at: '2000-01-01T00:00:00.000Z', updated_at: '2000-01-02T00:00:00.000Z', note: tricky },
      },
      { name: 'Ünïcødé 😀', email: 'u@example.com', metadata: { id: 'y', created_at: 'x' } },
    ];
    for (const [i, input] of inputs.entries()) {
      const id = newId();
      const created = `2026-12-0${i + 1}T10:00:00.000Z`;
      const document = documentOf(newParticipant(input, id, created));
      expect(documentKey(document)).toEqual({ id, created_at: created });
      expect(JSON.parse(document)).toMatchObject({ id, created_at: created });
    }
  });

  it('parses a document laid out otherwise, even one whose last object repeats the keys', () => {
    const id = newId();
    const otherOrder = JSON.stringify({
      id,
      created_at: '2026-01-01T00:00:00.000Z',
      updated_at: '2026-01-02T00:00:00.000Z',
      metadata: { a: 1, created_at: '1999-01-01T00:00:00.000Z', updated_at: '1999-01-01T00:00:00.000Z' },
    });
    expect(documentKey(otherOrder)).toEqual({ id, created_at: '2026-01-01T00:00:00.000Z' });
    const idLater = JSON.stringify({ name: 'N', id, created_at: '2026-01-03T00:00:00.000Z', updated_at: '2026-01-03T00:00:00.000Z' });
    expect(documentKey(idLater)).toEqual({ id, created_at: '2026-01-03T00:00:00.000Z' });
  });
});
