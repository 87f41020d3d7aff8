import { v7 as uuidv7 } from 'uuid';

/** Time-ordered UUID (version 7): new rows land at the end of primary-key indexes. */
export function newId(): string {
  return uuidv7();
}
