// html-encoding-sniffer ships no types. It returns the WHATWG name of the encoding it finds
// (BOM, transport label, <meta> prescan), or defaultEncoding when it finds none.
declare module 'html-encoding-sniffer' {
  export default function sniffHtmlEncoding(
    bytes: Uint8Array,
    options?: { xml?: boolean; transportLayerEncodingLabel?: string; defaultEncoding?: string },
  ): string;
}
