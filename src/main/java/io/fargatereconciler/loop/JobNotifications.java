package io.fargatereconciler.loop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.fargatereconciler.aws.Notification;
import io.fargatereconciler.aws.Notifier;
import io.fargatereconciler.desired.Job;
import io.fargatereconciler.desired.NotificationEvent;
import io.fargatereconciler.plan.job.JobEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Turns Job events worth telling people about ({@link JobEvent#notification()}: JobSucceeded, JobFailed,
 * StartedAfterFailures) into notifications, for the events the job's {@code notifications.on} lists, to its
 * {@code notifications.topicArn} or the daemon's default topic. Without a topic the event is only logged.
 */
public final class JobNotifications {
    private static final Logger LOG = Logger.getLogger(JobNotifications.class);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final Notifier notifier;
    private final Optional<String> defaultTopicArn;

    public JobNotifications(Notifier notifier, Optional<String> defaultTopicArn) {
        this.notifier = notifier;
        this.defaultTopicArn = defaultTopicArn;
    }

    /** Notifications are only logged. */
    public static JobNotifications loggedOnly() {
        return new JobNotifications(notification -> Optional.of("notifications are switched off"), Optional.empty());
    }

    void send(Job job, JobEvent event) {
        Optional<NotificationEvent> kind = event.notification().filter(job.task().notifications().on()::contains);
        if (kind.isEmpty()) {
            return;
        }
        String topic = job.task().notifications().topicArn() != null ? job.task().notifications().topicArn()
                : defaultTopicArn.orElse(null);
        if (topic == null) {
            LOG.infof("group=%s action=notify event=%s result=skipped reason=\"no topic: set notifications.topicArn "
                    + "or reconciler.notifications.default-topic-arn\"", job.key(), kind.get());
            return;
        }
        Notification notification = new Notification(topic, kind.get(), job.key(), subject(job, kind.get(), event),
                body(job, kind.get(), event));
        Optional<String> error = notifier.publish(notification);
        if (error.isPresent()) {
            LOG.warnf("group=%s action=notify event=%s topic=%s result=failed reason=\"%s\"", job.key(), kind.get(),
                    topic, error.get());
        } else {
            LOG.infof("group=%s action=notify event=%s topic=%s result=ok", job.key(), kind.get(), topic);
        }
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

    private static String body(Job job, NotificationEvent kind, JobEvent event) {
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
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a notification body is plain data and always serialises", e);
        }
    }
}
