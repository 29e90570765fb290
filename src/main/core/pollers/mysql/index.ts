export { mysqlFamily } from './family';
export { mysqlService, mysqlSource } from './mysql-source';
