namespace AgentSpec.Syntax;

/// <summary>Kinds of tokens and trivia produced by the lexer (language spec §1.3).</summary>
public enum TokenKind
{
    EndOfFile,
    NewLine,
    String,
    TripleString,
    Number,
    Word,
    OpenBrace,
    CloseBrace,
    OpenBracket,
    CloseBracket,
    OpenParen,
    CloseParen,
    Comma,
    Dot,
    Colon,
    EqualEqual,
    BangEqual,
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
    Bang,
    AmpersandAmpersand,
    BarBar,
    Plus,
    Minus,
    Star,
    Slash,
    Percent,
    Question,

    // Trivia kinds: recorded around tokens, never seen by the parser.
    Whitespace,
    Comment,
    BlockComment,
    BadCharacter,

    // Raw tokenizer kinds for strings without their closing delimiter; they become String/TripleString tokens.
    UnterminatedString,
    UnterminatedTripleString,
}
