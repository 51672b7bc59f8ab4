/** Types for html-encoding-sniffer (the package ships none): the HTML standard's encoding sniffing. */
declare module 'html-encoding-sniffer' {
  interface SniffOptions {
    /** Skip the <meta> pre-scan: BOM, transport label, then the default. */
    xml?: boolean;
    /** A charset label from the transport layer (HTTP Content-Type); overrides all but a BOM. */
    transportLayerEncodingLabel?: string;
    /** Used when nothing else decides; "windows-1252" by default. */
    defaultEncoding?: string;
  }
  /** The canonical WHATWG encoding name for the bytes. */
  export default function htmlEncodingSniffer(bytes: Uint8Array, options?: SniffOptions): string;
}
