"""Weekly digests for provincial boards and agencies: content, rendering, delivery, subscriptions."""
