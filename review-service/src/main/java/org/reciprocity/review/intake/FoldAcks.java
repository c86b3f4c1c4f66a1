package org.reciprocity.review.intake;

import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.config.ContainerPostProcessor;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.stereotype.Component;

/**
 * The fold's containers acknowledge by hand ({@code EventIntake} acknowledges a batch only once its merges
 * are written) and say when they have had nothing to read for a second, so held-back merges are written.
 */
@Component(FoldAcks.BEAN)
class FoldAcks implements ContainerPostProcessor<Object, Object, AbstractMessageListenerContainer<Object, Object>> {

    static final String BEAN = "reviewFoldAcks";
    private static final long IDLE_MILLIS = 1_000;

    @Override
    public void postProcess(AbstractMessageListenerContainer<Object, Object> container) {
        container.getContainerProperties().setAckMode(AckMode.MANUAL);
        container.getContainerProperties().setIdleEventInterval(IDLE_MILLIS);
    }
}
