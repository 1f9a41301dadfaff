/** A valid (Luhn) Visa number no other spec or run uses, and that is not one of the demo world's cards. */
export function uniqueVisa(): string {
  for (;;) {
    const body = `4111${String(Date.now()).slice(-8)}${String(Math.floor(Math.random() * 1000)).padStart(3, "0")}`;
    let sum = 0;
    for (let i = 0; i < body.length; i++) {
      let digit = Number(body[body.length - 1 - i]);
      if (i % 2 === 0) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
      sum += digit;
    }
    const number = body + String((10 - (sum % 10)) % 10);
    if (!number.endsWith("4242") && !number.endsWith("4444") && !number.endsWith("0002")) return number;
  }
}
