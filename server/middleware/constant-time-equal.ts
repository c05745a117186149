/**
 * Compares a presented secret with the expected one in constant time. Both are hashed first, so the
 * comparison takes the same time whatever their lengths and wherever they differ.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

export function constantTimeEqual(presented: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(presented), digest(expected));
}
