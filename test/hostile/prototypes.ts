/** Checks that nothing a hostile input did reached the built-in prototypes. */
import { expect } from 'vitest';

const PROTOTYPES = [Object.prototype, Array.prototype, Function.prototype, String.prototype];

/** The own property names of the built-in prototypes, to compare after a case. */
export function prototypeSnapshot(): string[][] {
  return PROTOTYPES.map((prototype) => Object.getOwnPropertyNames(prototype).sort());
}

export function expectPrototypesUntouched(before: string[][]): void {
  expect(prototypeSnapshot()).toEqual(before);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(({} as Record<string, unknown>).kernel).toBeUndefined();
}
