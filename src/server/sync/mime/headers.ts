/** Lower-cased header names → raw values (unfolded), in message order. */
export type Headers = Map<string, string[]>;
