/** Card numbers the reliability suites send: the simulator's approved and declined test cards. */
export const APPROVED = "4242424242424242";
export const DECLINED = "4000000000000002";

/**
 * Distinct valid (Luhn) Visa numbers that are not test cards: the simulator approves them.
 * `range` keeps each suite's numbers apart (a card saved by one suite is never another's).
 */
export function luhnVisa(n: number, range: number): string {
  const body = `44${String(range + n).padStart(13, "0")}`;
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let digit = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return body + String((10 - (sum % 10)) % 10);
}
