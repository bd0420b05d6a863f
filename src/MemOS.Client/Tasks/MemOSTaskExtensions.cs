using MemOS.Client.Messages;

namespace MemOS.Client.Tasks;

/// <summary>Waiting for the asynchronous processing of writes.</summary>
public static class MemOSTaskExtensions
{
    /// <summary>
    /// Polls get/status, waiting longer between polls each time (capped), until the task is
    /// completed or failed.
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="taskId">The task, from <see cref="AsyncWriteResult.TaskId"/>.</param>
    /// <param name="options">How to poll; the defaults when null.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The completed task's status, with <see cref="TaskStatusResult.MemoryViews"/> when it changed
    /// memories.</returns>
    /// <exception cref="MemOSTaskFailedException">The task failed.</exception>
    /// <exception cref="MemOSTimeoutException">The task was still running when <see cref="TaskWaitOptions.Timeout"/>
    /// passed.</exception>
    public static async Task<TaskStatusResult> WaitForTaskAsync(
        this IMemOSClient client,
        string taskId,
        TaskWaitOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(taskId);
        options ??= new TaskWaitOptions();
        options.Validate();
        var time = options.TimeProvider ?? TimeProvider.System;
        var started = time.GetTimestamp();
        var delay = options.InitialPollInterval;
        while (true)
        {
            var status = await client.GetTaskStatusAsync(taskId, cancellationToken).ConfigureAwait(false);
            if (Is(status, MemOSTaskStatus.Completed))
            {
                return status;
            }

            if (Is(status, MemOSTaskStatus.Failed))
            {
                throw new MemOSTaskFailedException(
                    $"MemOS task {taskId} failed: the write was accepted but could not be processed into memories.")
                {
                    Status = status,
                };
            }

            var remaining = options.Timeout == Timeout.InfiniteTimeSpan
                ? delay
                : options.Timeout - time.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero)
            {
                throw new MemOSTimeoutException($"MemOS task {taskId} was still {status.Status?.Value ?? "unknown"} "
                    + $"after {options.Timeout.TotalSeconds:0.###} s "
                    + "(TaskWaitOptions.Timeout).") { IsTransient = true };
            }

            // The last wait is shortened so the final poll happens right at the deadline.
            await Task.Delay(remaining < delay ? remaining : delay, time, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.MaxPollInterval.Ticks));
        }
    }

    /// <summary>Writes messages and waits until MemOS has turned them into memories.</summary>
    /// <param name="client">The client.</param>
    /// <param name="request">The messages and their scope.</param>
    /// <param name="options">How to poll; the defaults when null.</param>
    /// <param name="cancellationToken">Cancels the write or the wait.</param>
    /// <returns>The completed task's status.</returns>
    /// <exception cref="MemOSTaskFailedException">Processing failed.</exception>
    public static async Task<TaskStatusResult> AddMessageAndWaitAsync(
        this IMemOSClient client,
        AddMessageRequest request,
        TaskWaitOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var added = await client.AddMessageAsync(request, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(added.TaskId))
        {
            // The write was accepted (an empty answer, or an older service version): it must not be repeated.
            throw new MemOSException("MemOS add/message accepted the messages but answered without a task_id, so there "
                + "is no task to wait for; do not write them again.").ForWrite();
        }

        return await client.WaitForTaskAsync(added.TaskId, options, cancellationToken).ConfigureAwait(false);
    }

    // Service versions have differed in case (PROCESSING vs running), so states compare case-insensitively.
    private static bool Is(TaskStatusResult status, MemOSTaskStatus expected)
        => string.Equals(status.Status?.Value, expected.Value, StringComparison.OrdinalIgnoreCase);
}
