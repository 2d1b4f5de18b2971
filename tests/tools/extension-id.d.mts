export function unpackedExtensionId(absolutePath: string): string;
