// Database reads and writes for Pods (Prisma). Deciding and rendering live in ../core.
export * from './apply-pods-config';
export * from './change-pods';
export * from './contributors';
export * from './db';
export * from './join-pod';
export * from './load-pod-views';
export * from './pod-mentions';
