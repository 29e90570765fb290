export { postgresFamily } from './family';
export { postgresSource } from './postgres-source';
