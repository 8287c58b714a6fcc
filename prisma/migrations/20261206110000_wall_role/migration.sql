-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'WALL';
