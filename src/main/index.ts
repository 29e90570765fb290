// Placeholder: the Electron shell is being assembled.
export {};
