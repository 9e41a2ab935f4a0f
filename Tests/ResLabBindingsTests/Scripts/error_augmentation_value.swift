// A negative shift is refused where the augmentation is made.
let augmentation = ImageAugmentation(shiftPadding: -1, horizontalFlip: true)
// expect error: 2:20: ImageAugmentation(shiftPadding: -1): shiftPadding must not be negative
