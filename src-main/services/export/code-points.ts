/**
 * UTF-16 offsets (how JavaScript and the text projection count) <-> code point offsets (how the W3C
 * TextPositionSelector counts characters). Identity, without tables, for text with no astral characters.
 */

/** Converts offsets in one text in both directions. */
export class CodePointOffsets {
  private readonly unitToPoint: Uint32Array | null = null;
  private readonly pointToUnit: Uint32Array | null = null;

  constructor(text: string) {
    if (!/[\uD800-\uDFFF]/.test(text)) return;
    const unitToPoint = new Uint32Array(text.length + 1);
    const pointToUnit: number[] = [];
    let point = 0;
    for (let unit = 0; unit < text.length; ) {
      const size = (text.codePointAt(unit) ?? 0) > 0xffff ? 2 : 1;
      pointToUnit.push(unit);
      unitToPoint[unit] = point;
      if (size === 2) unitToPoint[unit + 1] = point + 1; // inside a pair: rounds up to the next character
      unit += size;
      point += 1;
    }
    unitToPoint[text.length] = point;
    pointToUnit.push(text.length);
    this.unitToPoint = unitToPoint;
    this.pointToUnit = Uint32Array.from(pointToUnit);
  }

  /** The code point offset of a UTF-16 offset. */
  toPoint(unit: number): number {
    return this.unitToPoint ? (this.unitToPoint[unit] ?? unit) : unit;
  }

  /** The UTF-16 offset of a code point offset; offsets past the end stay past it. */
  toUnit(point: number): number {
    if (!this.pointToUnit) return point;
    return point < this.pointToUnit.length ? this.pointToUnit[point] : point - this.pointToUnit.length + 1 + this.pointToUnit[this.pointToUnit.length - 1];
  }
}
