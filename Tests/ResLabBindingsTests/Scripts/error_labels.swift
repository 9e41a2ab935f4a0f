let c = Conv2D(filter: 2, kernelSize: 3)
// expect error: 1:9: incorrect arguments in call to 'Conv2D(filters:kernelSize:strides:padding:activation:useBias:kernelInitializer:biasInitializer:name:)' (have '(filter:kernelSize:)')
// expect hint: did you mean 'filters:' instead of 'filter:'?
