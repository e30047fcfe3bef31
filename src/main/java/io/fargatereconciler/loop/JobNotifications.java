package io.fargatereconciler.loop;

import io.fargatereconciler.aws.Notifier;
import io.fargatereconciler.desired.Job;
import io.fargatereconciler.desired.NotificationEvent;
import io.fargatereconciler.plan.job.JobEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns Job events worth telling people about ({@link JobEvent#notification()}: JobSucceeded, JobFailed,
 * StartedAfterFailures) into notifications, sent through the {@link NotificationPublisher} (the job's
 * {@code notifications.on} and {@code topicArn}, or the daemon's default topic).
 */
public final class JobNotifications {
    private final NotificationPublisher publisher;

    public JobNotifications(NotificationPublisher publisher) {
        this.publisher = publisher;
    }

    public JobNotifications(Notifier notifier, Optional<String> defaultTopicArn) {
        this(new NotificationPublisher(notifier, defaultTopicArn));
    }

    /** Notifications are only logged. */
    public static JobNotifications loggedOnly() {
        return new JobNotifications(NotificationPublisher.loggedOnly());
    }

    void send(Job job, JobEvent event) {
        event.notification().ifPresent(kind -> publisher.publish(job.key(), job.task().notifications(), kind,
                subject(job, kind, event), body(job, kind, event)));
    }

    private static String subject(Job job, NotificationEvent kind, JobEvent event) {
        String what = switch (kind) {
            case JobSucceeded -> "run succeeded";
            case JobFailed -> event instanceof JobEvent.RunsMissed missed ? missed.count() + " run(s) missed" : "run failed";
            case StartedAfterFailures -> "run started after failed starts";
            default -> kind.name();
        };
        return "fargate-reconciler: Job " + job.metadata().name() + " " + what;
    }

    private static Map<String, Object> body(Job job, NotificationEvent kind, JobEvent event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", kind.name());
        body.put("job", job.metadata().name());
        body.put("cluster", job.task().cluster());
        body.put("at", event.at());
        if (event instanceof JobEvent.RunFinished finished) {
            body.put("run", finished.record());
        } else if (event instanceof JobEvent.RunStarted started) {
            body.put("run", started.run().tagValue());
            body.put("failedStarts", started.startFailures());
            body.put("scheduleDelaySeconds", started.scheduleDelay().toSeconds());
        } else if (event instanceof JobEvent.RunsMissed missed) {
            body.put("missed", missed.count());
            body.put("first", missed.first());
            body.put("last", missed.last());
        }
        return body;
    }
}
