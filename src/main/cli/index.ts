// Placeholder: the CLI (serve, probe, passwd) is being assembled.
console.error('vigie CLI: not assembled yet');
process.exitCode = 1;
