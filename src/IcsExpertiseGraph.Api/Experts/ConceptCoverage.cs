using System.Numerics;

namespace IcsExpertiseGraph.Api.Experts;

/// <summary>
/// How many of the skills a search asks for a person meets, each by a distinct skill they hold: one held skill never
/// counts for two needs. Someone holding only run charts meets "run charts and statistical process control" once,
/// although run charts is narrower than SPC and so answers both. A maximum matching of needs to holdings (augmenting
/// paths; a search names a handful of skills and a person holds a few dozen at most, so it costs next to nothing).
/// </summary>
public static class ConceptCoverage
{
    /// <summary>
    /// The number of concepts met by distinct holdings, given for each holding the concepts it answers (bit c set: it
    /// answers concept c), and how many of those are met by a skill asked for by name rather than a narrower one
    /// (<paramref name="rootBits"/>: the concepts each holding is a named root of).
    /// </summary>
    public static (int Met, int Explicit) Count(ReadOnlySpan<ulong> answerBits, ReadOnlySpan<ulong> rootBits)
    {
        ulong any = 0, roots = 0;
        var shared = false;
        for (var h = 0; h < answerBits.Length; h++)
        {
            shared |= (any & answerBits[h]) != 0 || BitOperations.PopCount(answerBits[h]) > 1;
            any |= answerBits[h];
            roots |= rootBits[h];
        }

        // Without a holding that answers two concepts, or two holdings that answer the same one, every concept met is met by its own holding.
        var met = shared ? Matching(answerBits, any) : BitOperations.PopCount(any);
        return (met, Math.Min(met, BitOperations.PopCount(roots)));
    }

    private static int Matching(ReadOnlySpan<ulong> answerBits, ulong concepts)
    {
        if (answerBits.Length > 64)
        {
            // More holdings than one word of bits can mark as visited: each concept is met by some holding, at most one each.
            return Math.Min(BitOperations.PopCount(concepts), answerBits.Length);
        }

        Span<int> conceptOfHolding = stackalloc int[answerBits.Length];
        conceptOfHolding.Fill(-1);
        var met = 0;
        for (var remaining = concepts; remaining != 0; remaining &= remaining - 1)
        {
            var concept = BitOperations.TrailingZeroCount(remaining);
            ulong visited = 0;
            if (Augment(concept, answerBits, conceptOfHolding, ref visited))
            {
                met++;
            }
        }

        return met;
    }

    private static bool Augment(int concept, ReadOnlySpan<ulong> answerBits, Span<int> conceptOfHolding, ref ulong visited)
    {
        for (var h = 0; h < answerBits.Length; h++)
        {
            if ((answerBits[h] & (1UL << concept)) == 0 || (visited & (1UL << h)) != 0)
            {
                continue;
            }

            visited |= 1UL << h;
            if (conceptOfHolding[h] < 0 || Augment(conceptOfHolding[h], answerBits, conceptOfHolding, ref visited))
            {
                conceptOfHolding[h] = concept;
                return true;
            }
        }

        return false;
    }
}
