using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Api.Experts;

/// <summary>
/// The skill positions a person holds, inline in 48 bytes with their bound bytes, kept in a flat column beside the index's
/// entries: facets and placing read them for every match, and reading them from each person's entry (an object, then its
/// array) cost a cache miss or two a person, more than the counting. Someone holding more than <see cref="Capacity"/>
/// skills (or a taxonomy too large for 16-bit positions) is marked as such and read from their entry. Beside each
/// position, a byte: the most that holding can add to a score (<see cref="ExpertRanker.HoldingBoundByte"/>), so ranking
/// can tell from here alone, before visiting the entry, that someone cannot reach the page through the skills asked for.
/// </summary>
internal readonly struct HeldSkills
{
    public const int Capacity = 15;
    private const ushort Overflow = ushort.MaxValue;

    private readonly Slots slots;
    private readonly ushort count;
    private readonly Bounds bounds;

    private HeldSkills(Slots slots, ushort count, Bounds bounds) => (this.slots, this.count, this.bounds) = (slots, count, bounds);

    /// <summary>Whether the positions are here; if not, the person's entry has them.</summary>
    public bool Inline => count != Overflow;

    /// <summary>The positions, when <see cref="Inline"/>.</summary>
    [UnscopedRef]
    public ReadOnlySpan<ushort> Positions => MemoryMarshal.CreateReadOnlySpan(ref Unsafe.AsRef(in slots[0]), Inline ? count : 0);

    /// <summary>The bound byte of the holding at <see cref="Positions"/>[<paramref name="slot"/>], when <see cref="Inline"/>.</summary>
    public byte BoundAt(int slot) => bounds[slot];

    /// <param name="skillPositions">The holdings' skill positions, in the entry's order.</param>
    /// <param name="holdings">The holdings themselves, in the same order (for their bound bytes).</param>
    public static HeldSkills Of(ReadOnlySpan<int> skillPositions, IReadOnlyList<CandidateSkill> holdings)
    {
        ArgumentNullException.ThrowIfNull(holdings);
        var slots = default(Slots);
        var bounds = default(Bounds);
        if (skillPositions.Length > Capacity || holdings.Count != skillPositions.Length)
        {
            return new HeldSkills(slots, Overflow, bounds);
        }

        for (var i = 0; i < skillPositions.Length; i++)
        {
            if (skillPositions[i] is < 0 or >= Overflow)
            {
                return new HeldSkills(default, Overflow, default);
            }

            slots[i] = (ushort)skillPositions[i];
            bounds[i] = ExpertRanker.HoldingBoundByte(holdings[i]);
        }

        return new HeldSkills(slots, (ushort)skillPositions.Length, bounds);
    }

    [InlineArray(Capacity)]
    private struct Slots
    {
        private ushort first;
    }

    [InlineArray(Capacity)]
    private struct Bounds
    {
        private byte first;
    }
}
