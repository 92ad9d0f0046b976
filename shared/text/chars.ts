/** True for a UTF-16 code unit that starts a Han ideograph (BMP blocks, or a high surrogate of the SIP/TIP planes). */
export function isHanCode(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    code === 0x3007 ||
    // High surrogates of U+20000–U+3FFFF (CJK extensions B–H).
    (code >= 0xd840 && code <= 0xd8bf)
  );
}

/** True for an ASCII letter. */
export function isAsciiLetter(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
}

/**
 * Folds full-width letters and digits (Ａ-Ｚ, ａ-ｚ, ０-９) to ASCII and CJK compatibility ideographs
 * to their unified forms; full-width punctuation stays, as Chinese prose needs it. Every replacement is one UTF-16 unit for one, so
 * offsets into the result are offsets into the input.
 */
export function foldWidth(text: string): string {
  let out: string[] | undefined;
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let replacement: string | undefined;
    if (
      (code >= 0xff10 && code <= 0xff19) ||
      (code >= 0xff21 && code <= 0xff3a) ||
      (code >= 0xff41 && code <= 0xff5a)
    ) {
      replacement = String.fromCharCode(code - 0xfee0);
    } else if (code >= 0xf900 && code <= 0xfaff) {
      const unified = text[i]!.normalize('NFC');
      if (unified.length === 1 && unified !== text[i]) replacement = unified;
    }
    if (replacement === undefined) continue;
    out ??= [];
    out.push(text.slice(last, i), replacement);
    last = i + 1;
  }
  if (!out) return text;
  out.push(text.slice(last));
  return out.join('');
}
