import { describe, expect, it } from '@jest/globals';
import { labelEvery, niceTicks } from './chart-scale';

describe('chart scale', () => {
  it('rounds the axis up to a readable step', () => {
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(niceTicks(3)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(37)).toEqual([0, 10, 20, 30, 40]);
    expect(niceTicks(101)).toEqual([0, 50, 100, 150]);
  });

  it('thins labels when weeks are many', () => {
    expect(labelEvery(12)).toBe(1);
    expect(labelEvery(26)).toBe(2);
    expect(labelEvery(52)).toBe(4);
  });
});
