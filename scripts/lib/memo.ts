/**
 * A function of one object whose result is made once per object and kept as long as the object
 * lives: for what several callers derive from the same tree, vocabulary, message or site (a
 * narrative's nodes, a vocabulary's compiled terms, a site's lookups).
 */
export function perObject<K extends object, V>(make: (key: K) => V): (key: K) => V {
  const made = new WeakMap<K, V>();
  return (key) => {
    if (made.has(key)) return made.get(key) as V;
    const value = make(key);
    made.set(key, value);
    return value;
  };
}
