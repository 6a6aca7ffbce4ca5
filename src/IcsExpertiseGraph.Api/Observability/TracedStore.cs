using System.Diagnostics;
using System.Reflection;
using System.Runtime.ExceptionServices;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Api.Observability;

/// <summary>
/// Wraps whichever store adapter is configured so every call through the port is a client span
/// ("store GetPeopleAsync") and a duration measurement, without either adapter knowing about telemetry.
/// Only the method name is recorded, never its arguments: they can be personal data.
/// </summary>
public class TracedStore : DispatchProxy
{
    private IExpertiseStore inner = null!;
    private string adapter = null!;

    public static IExpertiseStore Wrap(IExpertiseStore inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        var proxy = Create<IExpertiseStore, TracedStore>();
        var traced = (TracedStore)(object)proxy;
        traced.inner = inner;
        traced.adapter = inner.GetType().Name;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        var caller = Activity.Current;
        var activity = Telemetry.Source.StartActivity("store " + targetMethod.Name, ActivityKind.Client);
        activity?.SetTag("ics.store.adapter", adapter);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = targetMethod.Invoke(inner, args);
            if (result is Task task)
            {
                _ = task.ContinueWith(t => Finish(activity, started, targetMethod.Name, t.Exception), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
            else
            {
                Finish(activity, started, targetMethod.Name, null);
            }

            return result;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            Finish(activity, started, targetMethod.Name, e.InnerException);
            ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
        finally
        {
            // The span belongs to the call's own (async) flow; the caller carries on under its own span.
            Activity.Current = caller;
        }
    }

    private static void Finish(Activity? activity, long started, string method, Exception? failure)
    {
        Telemetry.StoreCallDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("ics.store.method", method));
        if (activity is null)
        {
            return;
        }

        if (failure is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, failure.GetType().Name);
        }

        activity.Stop();
    }
}
