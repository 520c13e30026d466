import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes in base64url: the shortest secret the relay accepts. */
export const MIN_SECRET_LENGTH = 43;

export function createRelaySecret(): string {
  return randomBytes(32).toString('base64url');
}

export function isRelaySecret(given: string | undefined, secret: string): boolean {
  if (given === undefined) return false;
  // Hashing first makes the lengths equal, so the comparison leaks neither content nor length.
  return timingSafeEqual(sha256(given), sha256(secret));
}

function sha256(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
