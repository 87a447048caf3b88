using YamlDotNet.Core;

namespace Infosync.Deploy.Compose;

/// <summary>
/// Where a service's <c>image</c> value sits in the text: its exact span (quotes included) and style;
/// <see cref="Problem"/> says why it cannot be edited when it is not a plain or quoted scalar.
/// </summary>
internal sealed record ImageScalar(string Service, string Value, ScalarStyle Style, int Start, int End, int Line, string? Problem);
