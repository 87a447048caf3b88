namespace Infosync.Deploy.Compose;

// Literal text (an escaped $$ included) has no Variable; ${NAME:-default} has Operator ":-" and Operand "default".
internal sealed record TemplatePart(int Start, int Length, string? Variable, string Operator = "", string Operand = "")
{
    public bool IsVariable => Variable is not null;

    public int End => Start + Length;

    public static TemplatePart Literal(int start, int length) => new(start, length, null);
}
