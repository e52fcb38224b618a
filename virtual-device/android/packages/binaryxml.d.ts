/** Types for the binary-XML decoder inside @devicefarmer/adbkit-apkreader (it ships none). */
declare module '@devicefarmer/adbkit-apkreader/lib/apkreader/parser/binaryxml' {
  export interface TypedValue {
    readonly value: unknown;
    readonly type: string;
    readonly rawType: number;
  }
  export interface XmlAttribute {
    readonly namespaceURI: string | null;
    readonly name: string | null;
    readonly value: string | null;
    readonly typedValue: TypedValue;
  }
  export interface XmlElement {
    readonly namespaceURI: string | null;
    readonly nodeType: number;
    readonly nodeName: string;
    readonly attributes: readonly XmlAttribute[];
    readonly childNodes: readonly XmlElement[];
  }
  export default class BinaryXmlParser {
    constructor(buffer: Buffer, options?: { debug?: boolean });
    parse(): XmlElement;
  }
}
