namespace Infosync.Deploy.Compose;

/// <summary>
/// A piece of a compose value: literal text, an escaped <c>$$</c>, or a variable
/// <c>$NAME</c> / <c>${NAME}</c> / <c>${NAME&lt;operator&gt;operand}</c>.
/// </summary>
/// <param name="Start">Offset of the piece in the value.</param>
/// <param name="Length">Length of the piece in the value.</param>
/// <param name="Variable">The variable's name, or null for literal text.</param>
/// <param name="Operator">One of <c>:-</c>, <c>-</c>, <c>:+</c>, <c>+</c>, <c>:?</c>, <c>?</c>, or empty.</param>
/// <param name="Operand">The text after the operator, itself a template.</param>
internal sealed record TemplatePart(int Start, int Length, string? Variable, string Operator = "", string Operand = "")
{
    public bool IsVariable => Variable is not null;

    public int End => Start + Length;

    public static TemplatePart Literal(int start, int length) => new(start, length, null);
}
