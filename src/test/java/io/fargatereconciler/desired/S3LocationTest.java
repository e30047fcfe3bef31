package io.fargatereconciler.desired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@code reconciler.desired-state.path} as an S3 URI: the prefix is a folder, a folder path is not S3. */
class S3LocationTest {
    @Test
    void readsBucketAndPrefixAsAFolder() {
        assertThat(S3Location.parse("s3://acme-desired-state/prod")).contains(new S3Location("acme-desired-state", "prod/"));
        assertThat(S3Location.parse("s3://acme-desired-state/prod/")).contains(new S3Location("acme-desired-state", "prod/"));
        assertThat(S3Location.parse("s3://acme-desired-state/a/b")).contains(new S3Location("acme-desired-state", "a/b/"));
    }

    @Test
    void readsTheWholeBucketWithoutAPrefix() {
        assertThat(S3Location.parse("s3://acme")).contains(new S3Location("acme", ""));
        assertThat(S3Location.parse("s3://acme/")).contains(new S3Location("acme", ""));
    }

    @Test
    void takesAnythingElseForAFolder() {
        assertThat(S3Location.parse("desired-state")).isEmpty();
        assertThat(S3Location.parse("/deployments/desired-state")).isEmpty();
    }

    @Test
    void refusesWhatIsNoBucketName() {
        assertThatThrownBy(() -> S3Location.parse("s3://"))
                .hasMessageStartingWith("s3:// is not a usable s3://bucket/prefix URI: '' is not an S3 bucket name");
        assertThatThrownBy(() -> S3Location.parse("s3://Acme_Bucket/prod")).hasMessageContaining("not an S3 bucket name");
        assertThatThrownBy(() -> S3Location.parse("s3://acme//prod")).hasMessageContaining("not start with '/'");
    }

    @Test
    void namesObjectsAsS3Uris() {
        S3Location location = new S3Location("acme", "prod/");
        assertThat(location).hasToString("s3://acme/prod/");
        assertThat(location.uriOf("prod/team/api.yaml")).isEqualTo("s3://acme/prod/team/api.yaml");
    }
}
