// ImageAugmentation takes the Swift API's labels: shiftPadding, horizontalFlip, seed.
let augmentation = ImageAugmentation(shift: 4, flip: true)
// expect error: 2:20: incorrect arguments in call to 'ImageAugmentation(shiftPadding:horizontalFlip:seed:)' (have '(shift:flip:)')
