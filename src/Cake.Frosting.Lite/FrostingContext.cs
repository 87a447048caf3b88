using Cake.Core;

namespace Cake.Frosting;

/// <summary>Base of a typed build context; wraps the engine's context as Frosting does.</summary>
public class FrostingContext(ICakeContext context) : CakeContextAdapter(context), IFrostingContext;

/// <summary>Marks a type usable as a Frosting context.</summary>
#pragma warning disable CA1040 // Frosting's own marker interface, kept for source compatibility.
public interface IFrostingContext : ICakeContext;
#pragma warning restore CA1040
