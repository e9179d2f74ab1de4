/** A file descriptor number: an index into the fd table. */
export type Fd = number & { readonly __brand: 'Fd' };

/**
 * A description id: the identity of a file description. Ids increase in creation order and are
 * never reused; every dup of a description shares its id (the seed's `FdId`).
 */
export type DescriptionId = number & { readonly __brand: 'DescriptionId' };

/** A thread id: the index of a thread in the model, `main` being 0. */
export type ThreadId = number & { readonly __brand: 'ThreadId' };

/** Brands a number as an fd number. */
export const fd = (n: number): Fd => n as Fd;

/** Brands a number as a description id. */
export const descriptionId = (n: number): DescriptionId => n as DescriptionId;

/** Brands a number as a thread id. */
export const threadId = (n: number): ThreadId => n as ThreadId;
