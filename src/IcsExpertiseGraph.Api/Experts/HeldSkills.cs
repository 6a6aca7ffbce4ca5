using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace IcsExpertiseGraph.Api.Experts;

/// <summary>
/// The skill positions a person holds, inline in 32 bytes, kept in a flat column beside the index's entries: facets and
/// placing read them for every match, and reading them from each person's entry (an object, then its array) cost a cache
/// miss or two a person, more than the counting. Someone holding more than <see cref="Capacity"/> skills (or a taxonomy
/// too large for 16-bit positions) is marked as such and read from their entry.
/// </summary>
internal readonly struct HeldSkills
{
    public const int Capacity = 15;
    private const ushort Overflow = ushort.MaxValue;

    private readonly Slots slots;
    private readonly ushort count;

    private HeldSkills(Slots slots, ushort count) => (this.slots, this.count) = (slots, count);

    /// <summary>Whether the positions are here; if not, the person's entry has them.</summary>
    public bool Inline => count != Overflow;

    /// <summary>The positions, when <see cref="Inline"/>.</summary>
    [UnscopedRef]
    public ReadOnlySpan<ushort> Positions => MemoryMarshal.CreateReadOnlySpan(ref Unsafe.AsRef(in slots[0]), Inline ? count : 0);

    public static HeldSkills Of(ReadOnlySpan<int> skillPositions)
    {
        var slots = default(Slots);
        if (skillPositions.Length > Capacity)
        {
            return new HeldSkills(slots, Overflow);
        }

        for (var i = 0; i < skillPositions.Length; i++)
        {
            if (skillPositions[i] is < 0 or >= Overflow)
            {
                return new HeldSkills(default, Overflow);
            }

            slots[i] = (ushort)skillPositions[i];
        }

        return new HeldSkills(slots, (ushort)skillPositions.Length);
    }

    [InlineArray(Capacity)]
    private struct Slots
    {
        private ushort first;
    }
}
