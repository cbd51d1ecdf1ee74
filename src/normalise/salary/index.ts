// The salary normaliser's public face.
export { parseSalary, type SalaryContext } from './parse-salary.ts';
export { salaryText } from './salary-text.ts';
export { PERIODS_PER_YEAR } from './magnitude.ts';
