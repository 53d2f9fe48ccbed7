// Disjoint sets over 0..n-1 with path halving and union by size, growable.

/** Union-find over dense integer ids. */
export class UnionFind {
  private parent = new Int32Array(16);
  private size = new Int32Array(16);
  private n = 0;

  /** Add one element; returns its id. */
  push(): number {
    if (this.n === this.parent.length) {
      const p = new Int32Array(this.n * 2);
      p.set(this.parent);
      const s = new Int32Array(this.n * 2);
      s.set(this.size);
      this.parent = p;
      this.size = s;
    }
    this.parent[this.n] = this.n;
    this.size[this.n] = 1;
    return this.n++;
  }

  find(x: number): number {
    const p = this.parent;
    while (p[x] !== x) {
      p[x] = p[p[x]];
      x = p[x];
    }
    return x;
  }

  /** Join the sets of a and b; true when they were apart. */
  union(a: number, b: number): boolean {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return false;
    if (this.size[ra] < this.size[rb]) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    this.size[ra] += this.size[rb];
    return true;
  }
}
