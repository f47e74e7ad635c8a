// A small NFA over the ten digits for the regular expressions of libphonenumber's metadata, used
// to decide, digit by digit, when the rest of a number can no longer change a pattern's outcome:
// once no live state can reach a transition that accepts some digits and rejects others (a
// literal digit, [2-9]...), what follows only counts as length (\d accepts every digit). Anchors
// (^ $) are taken as always passing, which only lets more paths live, so decisions stay safe.

const ALL_DIGITS = 0x3ff;

type Ast =
  | { kind: 'char'; mask: number }
  | { kind: 'empty' }
  | { kind: 'seq'; items: Ast[] }
  | { kind: 'alt'; items: Ast[] }
  | { kind: 'rep'; item: Ast; min: number; max: number };

export function parseDigitRegex(pattern: string): Ast {
  let pos = 0;
  const alternation = (): Ast => {
    const items = [sequence()];
    while (pattern[pos] === '|') {
      pos++;
      items.push(sequence());
    }
    return items.length === 1 ? items[0] : { kind: 'alt', items };
  };
  const sequence = (): Ast => {
    const items: Ast[] = [];
    while (pos < pattern.length && pattern[pos] !== '|' && pattern[pos] !== ')')
      items.push(quantified(atom()));
    return items.length === 1 ? items[0] : { kind: 'seq', items };
  };
  const atom = (): Ast => {
    const c = pattern[pos];
    if (c === '(') {
      pos++;
      if (pattern[pos] === '?') {
        if (pattern[pos + 1] !== ':') throw new Error(`Unsupported group in ${pattern}`);
        pos += 2;
      }
      const inner = alternation();
      if (pattern[pos] !== ')') throw new Error(`Unclosed group in ${pattern}`);
      pos++;
      return inner;
    }
    if (c === '^' || c === '$') {
      pos++;
      return { kind: 'empty' };
    }
    let text: string;
    if (c === '[') {
      let end = pos + 1;
      if (pattern[end] === '^') end++;
      if (pattern[end] === ']') end++;
      while (end < pattern.length && pattern[end] !== ']') end += pattern[end] === '\\' ? 2 : 1;
      if (end >= pattern.length) throw new Error(`Unclosed class in ${pattern}`);
      text = pattern.slice(pos, end + 1);
    } else if (c === '\\') {
      if (/[1-9]/.test(pattern[pos + 1])) throw new Error(`Backreference in ${pattern}`);
      text = pattern.slice(pos, pos + 2);
    } else if (c === undefined || '*+?{'.includes(c)) throw new Error(`Unexpected ${c} in ${pattern}`);
    else text = c === '.' ? '.' : c.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
    pos += c === '\\' ? 2 : c === '[' ? text.length : 1;
    const regex = new RegExp(`^${text}$`);
    let mask = 0;
    for (let d = 0; d < 10; d++) if (regex.test(String(d))) mask |= 1 << d;
    return { kind: 'char', mask };
  };
  const quantified = (item: Ast): Ast => {
    const c = pattern[pos];
    let min: number;
    let max: number;
    if (c === '?') [min, max] = [0, 1];
    else if (c === '*') [min, max] = [0, Number.POSITIVE_INFINITY];
    else if (c === '+') [min, max] = [1, Number.POSITIVE_INFINITY];
    else if (c === '{') {
      const match = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(pos));
      if (!match) return item;
      min = Number(match[1]);
      max = match[2] === undefined ? min : match[3] === '' ? Number.POSITIVE_INFINITY : Number(match[3]);
      pos += match[0].length - 1;
    } else return item;
    pos++;
    if (pattern[pos] === '?') pos++;
    return { kind: 'rep', item, min, max };
  };
  const ast = alternation();
  if (pos !== pattern.length) throw new Error(`Unsupported pattern at ${pos}: ${pattern}`);
  return ast;
}

/** Thompson NFA; a state has at most one digit transition (mask -> next) and epsilon edges. */
export class DigitNfa {
  readonly mask: number[] = [];
  readonly next: number[] = [];
  readonly eps: number[][] = [];
  readonly accepting = new Set<number>();
  private frozen: { constraining: Uint8Array; toAccept: Uint8Array } | null = null;

  /** Adds a pattern; returns its start state (its end state is marked accepting). */
  add(pattern: string): number {
    const [start, end] = this.build(parseDigitRegex(pattern));
    this.accepting.add(end);
    this.frozen = null;
    return start;
  }

  private state(): number {
    this.mask.push(0);
    this.next.push(-1);
    this.eps.push([]);
    return this.mask.length - 1;
  }

  private build(ast: Ast): [number, number] {
    switch (ast.kind) {
      case 'char': {
        const s = this.state();
        const e = this.state();
        this.mask[s] = ast.mask;
        this.next[s] = e;
        return [s, e];
      }
      case 'empty': {
        const s = this.state();
        return [s, s];
      }
      case 'seq': {
        const [start, first] = this.build(ast.items[0]);
        let end = first;
        for (let i = 1; i < ast.items.length; i++) {
          const [s, e] = this.build(ast.items[i]);
          this.eps[end].push(s);
          end = e;
        }
        return [start, end];
      }
      case 'alt': {
        const s = this.state();
        const e = this.state();
        for (const item of ast.items) {
          const [is, ie] = this.build(item);
          this.eps[s].push(is);
          this.eps[ie].push(e);
        }
        return [s, e];
      }
      case 'rep': {
        const s = this.state();
        let end = s;
        for (let i = 0; i < ast.min; i++) {
          const [is, ie] = this.build(ast.item);
          this.eps[end].push(is);
          end = ie;
        }
        if (ast.max === Number.POSITIVE_INFINITY) {
          const [is, ie] = this.build(ast.item);
          const after = this.state();
          this.eps[end].push(is, after);
          this.eps[ie].push(is, after);
          return [s, after];
        }
        const after = this.state();
        for (let i = ast.min; i < ast.max; i++) {
          const [is, ie] = this.build(ast.item);
          this.eps[end].push(is, after);
          end = ie;
        }
        this.eps[end].push(after);
        return [s, after];
      }
    }
  }

  private analysis() {
    if (this.frozen) return this.frozen;
    const n = this.mask.length;
    const reverse: number[][] = Array.from({ length: n }, () => []);
    for (let s = 0; s < n; s++) {
      for (const t of this.eps[s]) reverse[t].push(s);
      if (this.next[s] >= 0 && this.mask[s] !== 0) reverse[this.next[s]].push(s);
    }
    const reach = (seeds: number[]) => {
      const seen = new Uint8Array(n);
      const stack = [...seeds];
      for (const s of seeds) seen[s] = 1;
      while (stack.length > 0) {
        const s = stack.pop() as number;
        for (const p of reverse[s]) {
          if (!seen[p]) {
            seen[p] = 1;
            stack.push(p);
          }
        }
      }
      return seen;
    };
    const constrainingStates: number[] = [];
    for (let s = 0; s < n; s++)
      if (this.mask[s] !== 0 && this.mask[s] !== ALL_DIGITS) constrainingStates.push(s);
    this.frozen = { constraining: reach(constrainingStates), toAccept: reach([...this.accepting]) };
    return this.frozen;
  }

  /** Epsilon closure of `states`. */
  closure(states: Iterable<number>): number[] {
    const seen = new Set<number>();
    const stack: number[] = [];
    for (const s of states) {
      if (!seen.has(s)) {
        seen.add(s);
        stack.push(s);
      }
    }
    while (stack.length > 0) {
      const s = stack.pop() as number;
      for (const t of this.eps[s]) {
        if (!seen.has(t)) {
          seen.add(t);
          stack.push(t);
        }
      }
    }
    return [...seen];
  }

  /** States after reading `digit` from the (closed) set `states`, closed again. */
  step(states: readonly number[], digit: number): number[] {
    const bit = 1 << digit;
    const next: number[] = [];
    for (const s of states) if (this.mask[s] & bit) next.push(this.next[s]);
    return this.closure(next);
  }

  /** Keeps the states from which some digit could still be accepted while another is rejected. */
  undecided(states: readonly number[]): number[] {
    const { constraining } = this.analysis();
    return states.filter((s) => constraining[s] === 1);
  }

  /** Keeps the states that can still read a digit on a path to a match. */
  canStillMatch(states: readonly number[]): number[] {
    const { toAccept } = this.analysis();
    return states.filter((s) => this.mask[s] !== 0 && toAccept[this.next[s]] === 1);
  }

  accepts(states: readonly number[]): boolean {
    return states.some((s) => this.accepting.has(s));
  }
}
