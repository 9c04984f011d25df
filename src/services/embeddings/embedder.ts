import { EMBEDDING_DIMENSIONS } from '../../db/schema/products.ts';

export { EMBEDDING_DIMENSIONS };

/**
 * Turns texts into vectors of the database's width. `name` is stored with every vector (embedding_model)
 * and every search filters on it, so vectors of two embedders are never compared.
 */
export interface Embedder {
  readonly name: string;
  readonly dimensions: typeof EMBEDDING_DIMENSIONS;
  embed(texts: string[]): Promise<number[][]>;
}

/** A vector as pgvector's text input ('[0.1,0.2,…]'), to bind as a parameter and cast with ::vector. */
export function toVectorLiteral(vector: readonly number[]): string {
  if (vector.length !== EMBEDDING_DIMENSIONS) {
    throw new RangeError(`expected a vector of ${EMBEDDING_DIMENSIONS} dimensions, got ${vector.length}`);
  }
  for (const v of vector) {
    if (!Number.isFinite(v)) throw new RangeError('a vector holds a value that is not a finite number');
  }
  return `[${vector.join(',')}]`;
}

export async function embedOne(embedder: Embedder, text: string): Promise<number[]> {
  const [vector] = await embedder.embed([text]);
  if (!vector) throw new Error(`embedder ${embedder.name} returned no vector`);
  return vector;
}
