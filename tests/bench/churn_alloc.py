# Allocation churn: a new one-item list every iteration, the previous one
# freed by the rebinding (refcount to zero, no collector involved).
for i in range(10**6):
    z = [i]
print(z)
