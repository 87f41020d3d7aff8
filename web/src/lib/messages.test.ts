import { describe, expect, it } from 'vitest';
import { fieldMessage } from './messages';

describe('fieldMessage', () => {
  it('gives an API issue its subject and a full stop', () => {
    expect(fieldMessage('Name', 'is required: no Docket user has this email yet')).toBe('Name is required: no Docket user has this email yet.');
    expect(fieldMessage('Password', 'must NOT have fewer than 8 characters')).toBe('Password must NOT have fewer than 8 characters.');
  });

  it('keeps a message that is already a sentence', () => {
    expect(fieldMessage('Email', 'Enter a valid email address.')).toBe('Enter a valid email address.');
    expect(fieldMessage('Email', '')).toBe('Email is not valid.');
  });
});
