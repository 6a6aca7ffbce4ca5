namespace IcsExpertiseGraph.Api.Experts;

/// <summary>
/// Scratch arrays of one slot per person for a search, kept per thread and handed back all zeros: whoever rents one
/// clears the slots it touched before returning it. A search touches a few thousand of a million slots, so clearing the
/// whole array on every rent (as a shared pool's arrays, left as their last user left them, would need) cost more than
/// the search itself.
/// </summary>
internal static class ZeroedBuffers<T> where T : struct
{
    [ThreadStatic]
    private static Stack<T[]>? free;

    public static T[] Rent(int length)
    {
        var stack = free ??= new Stack<T[]>();
        while (stack.TryPop(out var array))
        {
            if (array.Length >= length)
            {
                return array;
            }
        }

        return new T[Math.Max(length, 1024)];
    }

    /// <summary>Takes back an array whose every slot the renter has set back to zero.</summary>
    public static void Return(T[] array) => (free ??= new Stack<T[]>()).Push(array);
}
